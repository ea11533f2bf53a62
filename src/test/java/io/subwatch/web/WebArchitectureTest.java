package io.subwatch.web;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.stereotype.Controller;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The pages are a leaf: nothing else depends on them, and their controllers stay package-private. */
class WebArchitectureTest {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.subwatch");

	@Test
	void controllersArePackagePrivate() {
		classes().that()
			.resideInAPackage("io.subwatch.web")
			.and()
			.areAnnotatedWith(Controller.class)
			.should()
			.notBePublic()
			.check(CLASSES);
	}

	@Test
	void noOtherFeatureDependsOnThePages() {
		noClasses().that()
			.resideOutsideOfPackage("io.subwatch.web..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.subwatch.web..")
			.check(CLASSES);
	}

}
