package io.tasklog.app.auth;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** User accounts: email and password hash. Accounts are plain rows; tasks are the event-sourced part. */
@Service
public class UserAccounts {

    static final int MIN_PASSWORD = 8;
    static final int MAX_PASSWORD = 128;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+$");

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;

    public UserAccounts(JdbcClient jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    /** Creates an account and returns its user id. */
    public String register(Credentials credentials) {
        String email = normalisedEmail(credentials.email());
        String password = credentials.password();
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw new InvalidCredentialsException(
                    "password must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters long");
        }
        String id = UUID.randomUUID().toString();
        try {
            jdbc.sql("insert into user_account (id, email, password_hash) values (:id, :email, :hash)")
                    .param("id", id).param("email", email).param("hash", passwords.encode(password))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new EmailTakenException();
        }
        return id;
    }

    /** The user id for these credentials. */
    public String authenticate(Credentials credentials) {
        String email = credentials.email() == null ? "" : credentials.email().strip().toLowerCase(Locale.ROOT);
        Optional<Account> account = jdbc.sql("select id, password_hash from user_account where email = :email")
                .param("email", email)
                .query((rs, n) -> new Account(rs.getString("id"), rs.getString("password_hash")))
                .optional();
        if (account.isEmpty() || credentials.password() == null
                || !passwords.matches(credentials.password(), account.get().passwordHash())) {
            throw new BadCredentialsException();
        }
        return account.get().id();
    }

    static String normalisedEmail(String email) {
        String normal = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (normal.length() > 254 || !EMAIL.matcher(normal).matches()) {
            throw new InvalidCredentialsException("email is not a valid address");
        }
        return normal;
    }

    private record Account(String id, String passwordHash) {
    }
}
