package io.subwatch;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class SubwatchApplication {

	public static void main(String[] args) {
		SpringApplication.run(SubwatchApplication.class, args);
	}

}
