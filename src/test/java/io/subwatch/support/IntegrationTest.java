package io.subwatch.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test of the DAO and API layers against the real schema: H2 by default, MySQL/MariaDB in the second surefire run
 * (tag {@code db}) when {@code SUBWATCH_TEST_MYSQL_URL} is set. Tests create their own subscriptions and never assume
 * an empty database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Tag("db")
public @interface IntegrationTest {

}
