package org.beacon.incidents.internal;

import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * {@code COPY ... FROM STDIN} through the PostgreSQL driver's CopyManager, on the connection of the current
 * transaction. The driver is a runtime dependency, so it is reached by reflection: four lines here rather
 * than a compile-time tie to one database.
 */
final class PostgresCopy {

	private static final Method GET_COPY_API;
	private static final Method COPY_IN;
	private static final Class<?> PG_CONNECTION;

	static {
		Method getCopyApi = null;
		Method copyIn = null;
		Class<?> pgConnection = null;
		try {
			pgConnection = Class.forName("org.postgresql.PGConnection");
			getCopyApi = pgConnection.getMethod("getCopyAPI");
			copyIn = Class.forName("org.postgresql.copy.CopyManager").getMethod("copyIn", String.class, InputStream.class);
		}
		catch (ReflectiveOperationException e) {
			// no PostgreSQL driver: available() says so
		}
		GET_COPY_API = getCopyApi;
		COPY_IN = copyIn;
		PG_CONNECTION = pgConnection;
	}

	private PostgresCopy() {
	}

	static boolean available() {
		return COPY_IN != null;
	}

	/** Runs {@code copySql} with {@code data} as its input; returns the number of rows copied. */
	static long copyIn(Connection connection, String copySql, InputStream data) throws SQLException {
		try {
			Object manager = GET_COPY_API.invoke(connection.unwrap(PG_CONNECTION));
			return (Long) COPY_IN.invoke(manager, copySql, data);
		}
		catch (InvocationTargetException e) {
			if (e.getCause() instanceof SQLException sql) {
				throw sql;
			}
			throw new IllegalStateException("COPY failed", e.getCause());
		}
		catch (IllegalAccessException e) {
			throw new IllegalStateException("cannot use the PostgreSQL CopyManager", e);
		}
	}
}
