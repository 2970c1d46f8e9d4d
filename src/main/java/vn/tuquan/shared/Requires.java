package vn.tuquan.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The access rule of a web endpoint (page or API): a signed-in person holding every listed
 * permission; with no permission listed, any signed-in person. Every handler of Tuquan carries
 * {@code @Requires} or {@link PublicEndpoint} (on the method or its class) — a handler with
 * neither is refused, and the access matrix test fails.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Requires {

    Permission[] value() default {};
}
