package io.tasklog.app.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

/**
 * Who is an admin: the accounts whose email is listed in {@code tasklog.security.admin-emails}
 * ({@code TASKLOG_SECURITY_ADMIN_EMAILS}, comma-separated). Decided on every request from the token's
 * email, so adding or removing an admin takes effect without new tokens.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdminAccess.AdminProperties.class)
public class AdminAccess {

    public static final String ADMIN = "ADMIN";

    @Bean
    JwtAuthenticationConverter jwtAuthenticationConverter(AdminProperties admins) {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> authorities(jwt, admins.normalised()));
        return converter;
    }

    private static Collection<GrantedAuthority> authorities(Jwt jwt, Set<String> admins) {
        List<GrantedAuthority> authorities = new ArrayList<>(List.of(new SimpleGrantedAuthority("ROLE_USER")));
        String email = jwt.getClaimAsString("email");
        if (email != null && admins.contains(email.toLowerCase(Locale.ROOT))) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + ADMIN));
        }
        return authorities;
    }

    /** {@code tasklog.security.admin-emails}: empty by default (nobody is an admin). */
    @ConfigurationProperties("tasklog.security")
    public record AdminProperties(List<String> adminEmails) {

        Set<String> normalised() {
            return adminEmails == null ? Set.of() : adminEmails.stream().map(String::strip)
                    .filter(email -> !email.isEmpty()).map(email -> email.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        }
    }
}
