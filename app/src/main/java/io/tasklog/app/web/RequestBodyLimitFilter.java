package io.tasklog.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tasklog.app.security.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body above {@code tasklog.web.max-request-body} with a 413 problem, before anything
 * (security, JSON parsing) spends work on it. A declared {@code Content-Length} is judged without reading;
 * a chunked body has no length up front, so it is read up to the limit and handed on from memory.
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final ObjectMapper mapper;

    RequestBodyLimitFilter(WebLimitsProperties limits, ObjectMapper mapper) {
        this.maxBytes = limits.maxRequestBody().toBytes();
        this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            refuse(request, response);
        } else if (declared >= 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null) {
            // the servlet container never hands on more than the declared length
            chain.doFilter(request, response);
        } else {
            byte[] body = request.getInputStream().readNBytes(Math.toIntExact(maxBytes + 1));
            if (body.length > maxBytes) {
                refuse(request, response);
            } else {
                chain.doFilter(new BufferedBodyRequest(request, body), response);
            }
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ProblemWriter.write(mapper, response, HttpStatus.PAYLOAD_TOO_LARGE, "Request body too large",
                "The request body is larger than " + maxBytes + " bytes, the limit of this server.",
                request.getRequestURI());
    }
}
