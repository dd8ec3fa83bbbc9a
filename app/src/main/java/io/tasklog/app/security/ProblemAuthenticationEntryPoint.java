package io.tasklog.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/** 401 with a {@code WWW-Authenticate} challenge (as RFC 6750 asks) and a problem body saying why. */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
    private final ObjectMapper mapper;

    ProblemAuthenticationEntryPoint(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        challenge.commence(request, response, e);
        boolean tokenPresent = request.getHeader("Authorization") != null;
        String detail = tokenPresent
                ? "The access token is invalid or expired; log in again."
                : "This endpoint needs an access token (Authorization: Bearer <token>).";
        ProblemWriter.write(mapper, response, HttpStatus.UNAUTHORIZED, "Unauthorized", detail, request.getRequestURI());
    }
}
