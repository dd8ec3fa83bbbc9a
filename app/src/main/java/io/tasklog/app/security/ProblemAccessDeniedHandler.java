package io.tasklog.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 403 as a problem body. */
class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    private final ObjectMapper mapper;

    ProblemAccessDeniedHandler(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        ProblemWriter.write(mapper, response, HttpStatus.FORBIDDEN, "Forbidden", "Not allowed.", request.getRequestURI());
    }
}
