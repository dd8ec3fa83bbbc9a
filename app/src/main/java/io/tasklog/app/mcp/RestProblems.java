package io.tasklog.app.mcp;

import io.tasklog.app.web.ApiProblems;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationContext;
import org.springframework.http.ProblemDetail;
import java.util.concurrent.CompletionException;
import org.springframework.web.ErrorResponseException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.method.ControllerAdviceBean;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;

/**
 * The RFC 7807 problem the HTTP API would answer for an exception, found the way Spring MVC finds it: the
 * controller's own {@code @ExceptionHandler}s first, then the {@code @RestControllerAdvice}s in their order. The
 * very same handler methods run, so an MCP tool's error says exactly what the REST call's problem says, and a
 * new handler needs no MCP counterpart. Handlers that need an HTTP request (Spring's own MVC exceptions, which no
 * tool raises) are passed over; what nothing handles is an internal error, logged with an id, never a trace.
 */
@Component
class RestProblems {

    private final ApplicationContext context;
    private final ApiProblems fallback;
    private final Map<Class<?>, ExceptionHandlerMethodResolver> resolvers = new ConcurrentHashMap<>();
    private volatile List<Object> advice;

    RestProblems(ApplicationContext context, ApiProblems fallback) {
        this.context = context;
        this.fallback = fallback;
    }

    /** The problem for {@code error} raised while doing what {@code controllers} do over HTTP. */
    ProblemDetail of(Throwable error, List<Object> controllers) {
        if (error instanceof ToolArgumentException invalid) {
            return invalid.problem();
        }
        if (error instanceof CompletionException awaited && awaited.getCause() != null) {
            return of(awaited.getCause(), controllers);
        }
        // Tasklog's own exceptions carry the problem MVC renders for them (see ApiProblems)
        ErrorResponseException carried = error instanceof ErrorResponseException own ? own
                : error.getCause() instanceof ErrorResponseException cause ? cause : null;
        if (carried != null) {
            return carried.getBody();
        }
        List<Object> handlers = new ArrayList<>(controllers);
        handlers.addAll(advice());
        for (Object handler : handlers) {
            Optional<ProblemDetail> problem = handle(handler, error);
            if (problem.isPresent()) {
                return problem.get();
            }
        }
        return fallback.unexpected(error instanceof Exception e ? e : new RuntimeException(error));
    }

    private Optional<ProblemDetail> handle(Object handler, Throwable error) {
        Class<?> type = ClassUtils.getUserClass(handler);
        Method method = resolvers.computeIfAbsent(type, ExceptionHandlerMethodResolver::new).resolveMethodByThrowable(error);
        if (method == null) {
            return Optional.empty();
        }
        Object[] arguments = new Object[method.getParameterCount()];
        Class<?>[] parameters = method.getParameterTypes();
        for (int i = 0; i < parameters.length; i++) {
            arguments[i] = parameters[i].isInstance(error) ? error
                    : error.getCause() != null && parameters[i].isInstance(error.getCause()) ? error.getCause() : null;
            if (arguments[i] == null) {
                return Optional.empty();
            }
        }
        ReflectionUtils.makeAccessible(method);
        try {
            Object result = method.invoke(handler, arguments);
            Object body = result instanceof ResponseEntity<?> entity ? entity.getBody() : result;
            return body instanceof ProblemDetail problem ? Optional.of(problem) : Optional.empty();
        } catch (IllegalAccessException | InvocationTargetException e) {
            return Optional.empty();
        }
    }

    /** The advice beans in Spring MVC's order; looked up once, after the context is complete. */
    private List<Object> advice() {
        List<Object> found = advice;
        if (found == null) {
            found = ControllerAdviceBean.findAnnotatedBeans(context).stream().map(ControllerAdviceBean::resolveBean).toList();
            advice = found;
        }
        return found;
    }
}
