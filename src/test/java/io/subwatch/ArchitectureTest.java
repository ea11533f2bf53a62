package io.subwatch;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.subwatch.mirror.MirrorOverview;
import io.subwatch.mirror.MirrorState;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The house rules that a compiler does not check. */
class ArchitectureTest {

	static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.subwatch");

	@Test
	void featurePackagesHaveNoCycles() {
		slices().matching("io.subwatch.(*)..").should().beFreeOfCycles().check(MAIN);
	}

	@Test
	void controllersArePackagePrivate() {
		classes().that()
			.areAnnotatedWith(Controller.class)
			.or()
			.areAnnotatedWith(RestController.class)
			.should()
			.notBePublic()
			.check(MAIN);
	}

	@Test
	void theCoreKnowsNothingOfTheWeb() {
		classes().that()
			.resideInAnyPackage("io.subwatch.subscription..")
			.should()
			.onlyDependOnClassesThat()
			.resideOutsideOfPackages("io.subwatch.web..", "io.subwatch.result..", "io.subwatch.ingest..",
					"io.subwatch.security..", "io.subwatch.simulate..", "io.subwatch.demo..")
			.check(MAIN);
	}

	/** The breakdown panels read the place counters the core keeps; they know nothing of pages, API or writers. */
	@Test
	void theBreakdownKnowsOnlyTheCore() {
		noClasses().that()
			.resideInAPackage("io.subwatch.breakdown..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.subwatch.web..", "io.subwatch.result..", "io.subwatch.ingest..",
					"io.subwatch.security..", "io.subwatch.simulate..", "io.subwatch.demo..")
			.check(MAIN);
	}

	/**
	 * The record engine is the one way task_result, the pages and the exports read record windows: it serves them and
	 * knows none of them, nor security or the writers.
	 */
	@Test
	void theRecordEngineKnowsOnlyTheCore() {
		noClasses().that()
			.resideInAPackage("io.subwatch.records..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.subwatch.web..", "io.subwatch.result..", "io.subwatch.ingest..",
					"io.subwatch.security..", "io.subwatch.simulate..", "io.subwatch.demo..",
					"io.subwatch.breakdown..", "io.subwatch.progress..")
			.check(MAIN);
	}

	/** Security enforces who may do what; the admin pages only change its rows, through its public API. */
	@Test
	void securityKnowsNothingOfTheAdminPages() {
		noClasses().that()
			.resideInAPackage("io.subwatch.security..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.subwatch.admin..")
			.check(MAIN);
	}

	/** The admin pages are a leaf: they can change or move without touching any other feature. */
	@Test
	void nothingDependsOnTheAdminPages() {
		noClasses().that()
			.resideOutsideOfPackage("io.subwatch.admin..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.subwatch.admin..")
			.check(MAIN);
	}

	/** Several app nodes share one database: every background job must run on one node at a time. */
	@Test
	void everyScheduledJobHasAClusterLock() {
		methods().that()
			.areAnnotatedWith(Scheduled.class)
			.should()
			.beAnnotatedWith(SchedulerLock.class)
			.check(MAIN);
	}

	@Test
	void theMirrorWritesOnlyThroughTheIngestServices() {
		noClasses().that()
			.resideInAPackage("io.subwatch.mirror..")
			.should()
			.dependOnClassesThat(JavaClass.Predicates.resideInAPackage("io.subwatch.subscription..")
				.and(JavaClass.Predicates.simpleNameEndingWith("Dao")))
			.orShould()
			.dependOnClassesThat()
			.resideInAnyPackage("io.subwatch.web..", "io.subwatch.result..", "io.subwatch.simulate..",
					"io.subwatch.demo..")
			.check(MAIN);
		noClasses().that()
			.resideOutsideOfPackages("io.subwatch.mirror..", "io.subwatch.web..", "io.subwatch.admin..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.subwatch.mirror..")
			.check(MAIN);
		// the admin pages only read the sources' state: never a sync, the client or the configuration (its secrets)
		noClasses().that()
			.resideInAPackage("io.subwatch.admin..")
			.should()
			.dependOnClassesThat(JavaClass.Predicates.resideInAPackage("io.subwatch.mirror..")
				.and(JavaClass.Predicates.belongToAnyOf(MirrorOverview.class, MirrorState.class).negate()))
			.check(MAIN);
	}

	@Test
	void nothingUsesJpaOrHibernate() {
		classes().should()
			.onlyDependOnClassesThat()
			.resideOutsideOfPackages("jakarta.persistence..", "org.hibernate..")
			.check(MAIN);
	}

}
