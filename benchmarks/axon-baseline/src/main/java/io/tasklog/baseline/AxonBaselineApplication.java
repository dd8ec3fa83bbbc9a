package io.tasklog.baseline;

import java.util.Base64;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A bare Axon service with Tasklog's create and update calls, the yardstick of {@code WriteThroughputBench}:
 * stateless Bearer-token security (HS256 JWT, the user id is the token's subject, as in Tasklog), one
 * {@link TaskAggregate} on Axon's JPA event store, the written state answered from the aggregate.
 */
@SpringBootApplication
public class AxonBaselineApplication {

    public static void main(String[] args) {
        SpringApplication.run(AxonBaselineApplication.class, args);
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return http
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth.requestMatchers("/api/**").authenticated().anyRequest().permitAll())
                .oauth2ResourceServer(rs -> rs.jwt(Customizer.withDefaults()))
                .build();
    }

    @Bean
    JwtDecoder jwtDecoder(@Value("${baseline.jwt-secret}") String base64Secret) {
        byte[] key = Base64.getDecoder().decode(base64Secret);
        if (key.length < 32) {
            throw new IllegalStateException("baseline.jwt-secret must be Base64 of at least 32 bytes");
        }
        return NimbusJwtDecoder.withSecretKey(new SecretKeySpec(key, "HmacSHA256")).macAlgorithm(MacAlgorithm.HS256).build();
    }
}
