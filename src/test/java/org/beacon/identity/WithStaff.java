package org.beacon.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.beacon.identity.internal.WithStaffSecurityContextFactory;
import org.springframework.security.test.context.support.WithSecurityContext;

/**
 * Runs a test as a signed-in staff member of an agency, as a form login would hold them in the session
 * (unlike {@code @WithMockUser}, whose user belongs to no agency). The account is stored with these roles.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
@WithSecurityContext(factory = WithStaffSecurityContextFactory.class)
public @interface WithStaff {

	String username() default "staff";

	Role[] roles();

	/** The agency's code; the default agency when empty. */
	String agency() default "";
}
