package org.govshare;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/** Conventions from ARCHITECTURE.md that the module check alone does not cover. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.govshare");

    /** Every rule below would pass vacuously on an empty import; make sure the application is there. */
    @Test
    void rulesSeeTheApplicationClasses() {
        assertThat(classes.contain(GovshareApplication.class)).isTrue();
        assertThat(classes.size()).isGreaterThan(100);
    }

    @Test
    void noJpa() {
        noClasses().should().dependOnClassesThat().resideInAPackage("jakarta.persistence..")
            .because("the stack is Spring Data JDBC and plain JDBC, no JPA").check(classes);
    }

    @Test
    void controllersLiveInWebPackagesAndAreNotPublic() {
        classes().that().areMetaAnnotatedWith(Controller.class).and().areNotAnnotations()
            .should().resideInAPackage("..web..").andShould().notBePublic()
            .because("controllers are a module's private delivery mechanism").check(classes);
    }

    @Test
    void consolePagesSayWhatTheyAre() {
        noClasses().that().areNotAnnotations().should().beAnnotatedWith(Controller.class)
            .because("a console controller is a @ConsolePage (it gets the layout's model) and an API one a "
                + "@RestController (it does not)").check(classes);
    }

    @Test
    void controllersDoNotUseRepositories() {
        noClasses().that().resideInAPackage("..web..")
            .should().dependOnClassesThat().areAssignableTo(Repository.class)
            .because("controllers go through the module's API service").check(classes);
    }

    @Test
    void repositoriesArePackagePrivateInternals() {
        classes().that().areAssignableTo(Repository.class).and().areInterfaces()
            .should().resideInAPackage("..internal..").andShould().notBePublic()
            .because("persistence models and repositories are never a module's API").check(classes);
    }

    @Test
    void onlyTheDataServiceReadsRecordsWithoutAccessChecks() {
        noClasses().that().resideOutsideOfPackages("org.govshare.exchange..", "org.govshare.dataset..")
            .should().dependOnClassesThat().areAssignableTo(org.govshare.dataset.RecordReads.class)
            .because("RecordReads checks no access: only the data service, which enforces grants and audits "
                + "every call, may use it").check(classes);
    }

    @Test
    void noFieldInjection() {
        noFields().should().beAnnotatedWith(Autowired.class)
            .because("constructor injection keeps dependencies visible").check(classes);
    }
}
