package io.subwatch.storage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped embedded default writes a commit to the file before the commit returns (issue 11, point 1). */
class EmbeddedDefaultDurabilityTest {

	@TempDir
	Path dir;

	@Test
	void theShippedH2UrlHasNoWriteDelay() throws Exception {
		Properties shipped = PropertiesLoaderUtils.loadProperties(new ClassPathResource("application.properties"));
		String url = shipped.getProperty("spring.datasource.url");
		assertThat(url).startsWith("jdbc:h2:file:./data/subwatch;");
		String here = url.replace("./data/subwatch", this.dir.resolve("subwatch").toString());
		try (Connection connection = DriverManager.getConnection(here, "sa", "");
				ResultSet setting = connection.createStatement()
					.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
			assertThat(setting.next()).isTrue();
			assertThat(setting.getString(1)).isEqualTo("0");
		}
	}

}
