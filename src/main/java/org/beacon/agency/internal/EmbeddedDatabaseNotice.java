package org.beacon.agency.internal;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says once, at start, that the embedded H2 database is for evaluation and PostgreSQL is for production.
 * Told when the context has started, before any command runs, so a command's last line stays its own.
 */
@Component
class EmbeddedDatabaseNotice {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseNotice.class);

	private final DataSource dataSource;

	EmbeddedDatabaseNotice(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@EventListener(ApplicationStartedEvent.class)
	void tell() throws Exception {
		try (var connection = dataSource.getConnection()) {
			if (connection.getMetaData().getURL().startsWith("jdbc:h2:")) {
				log.warn("Running on the embedded H2 database, the evaluation default. For production set "
						+ "SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD to PostgreSQL.");
			}
		}
	}
}
