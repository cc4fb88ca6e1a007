package org.beacon.staffweb;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Test-only: in-memory geography, incidents and audit trail that win over the real modules ({@code @Primary}), for tests
 * that need to know exactly what the pages are given.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StaffWebFakes {

	@Bean
	@Primary
	FakeGeography stubGeography() {
		return new FakeGeography();
	}

	@Bean
	@Primary
	RecordingAuditTrail recordingAuditTrail() {
		return new RecordingAuditTrail();
	}

	@Bean
	@Primary
	FakeIncidents stubIncidents(FakeGeography stubGeography) {
		return new FakeIncidents(stubGeography);
	}
}
