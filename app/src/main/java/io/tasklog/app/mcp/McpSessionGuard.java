package io.tasklog.app.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasklog.app.security.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps an MCP session with the user it was opened by. Runs after Spring Security (so the caller is known) and
 * before the MCP servlet: a request that names another user's session gets the same 404 as an unknown session
 * (the client then starts a session of its own), so session ids reveal nothing and notifications meant for one
 * user can never be read on a stream opened by another.
 */
class McpSessionGuard extends OncePerRequestFilter {

    static final String SESSION_HEADER = "Mcp-Session-Id";

    private final McpSessionOwners owners;
    private final ObjectMapper mapper;

    McpSessionGuard(McpSessionOwners owners, ObjectMapper mapper) {
        this.owners = owners;
        this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String sessionId = request.getHeader(SESSION_HEADER);
        Principal user = request.getUserPrincipal();
        if (sessionId != null && user != null && !owners.claim(sessionId, user.getName())) {
            ProblemWriter.write(mapper, response, HttpStatus.NOT_FOUND, "Session not found",
                    "No MCP session " + sessionId + "; initialize a new one.", request.getRequestURI());
            return;
        }
        chain.doFilter(request, response);
        if (sessionId != null && "DELETE".equals(request.getMethod())) {
            owners.forget(sessionId);
        }
    }
}
