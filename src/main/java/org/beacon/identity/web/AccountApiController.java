package org.beacon.identity.web;

import java.util.List;

import org.beacon.identity.Role;
import org.beacon.identity.internal.StaffPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/account}: who the credentials belong to; lets an API client check them. */
@RestController
class AccountApiController {

	@GetMapping("/api/account")
	AccountView account(@AuthenticationPrincipal StaffPrincipal user) {
		return new AccountView(user.getUsername(), user.displayName(), user.agency().value(),
				user.roles().stream().map(Role::name).sorted().toList());
	}

	record AccountView(String username, String displayName, long agencyId, List<String> roles) {
	}
}
