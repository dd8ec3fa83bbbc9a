package io.tasklog.app.auth;

import io.tasklog.app.security.TokenIssuer;
import io.tasklog.app.security.TokenIssuer.IssuedToken;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/auth/register} and {@code /login}: credentials in, a Bearer token out. */
@RestController
@RequestMapping("/api/auth")
public class AuthController {

    private final UserAccounts accounts;
    private final TokenIssuer tokens;
    private final AuthRateLimit rateLimit;

    public AuthController(UserAccounts accounts, TokenIssuer tokens, AuthRateLimit rateLimit) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.rateLimit = rateLimit;
    }

    @PostMapping("/register")
    @ResponseStatus(HttpStatus.CREATED)
    public IssuedToken register(@RequestBody Credentials credentials, HttpServletRequest request) {
        rateLimit.attempt(request.getRemoteAddr(), credentials.email());
        String userId = accounts.register(credentials);
        return tokens.issue(userId, credentials.email().strip().toLowerCase(Locale.ROOT));
    }

    @PostMapping("/login")
    public IssuedToken login(@RequestBody Credentials credentials, HttpServletRequest request) {
        rateLimit.attempt(request.getRemoteAddr(), credentials.email());
        String userId = accounts.authenticate(credentials);
        return tokens.issue(userId, credentials.email().strip().toLowerCase(Locale.ROOT));
    }
}
