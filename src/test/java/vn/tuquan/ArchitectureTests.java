package vn.tuquan;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

@AnalyzeClasses(packages = "vn.tuquan", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule javaTimeOnly = noClasses().should()
            .dependOnClassesThat().haveFullyQualifiedName("java.util.Date")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.Calendar")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.text.SimpleDateFormat")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.sql.Timestamp")
            .because("dates are java.time (ARCHITECTURE.md, rule 3)");

    @ArchTest
    static final ArchRule constructorInjectionOnly = fields().should().notBeAnnotatedWith(Autowired.class)
            .because("dependencies come in through constructors");

    @ArchTest
    static final ArchRule noJpa = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("jakarta.persistence..", "org.hibernate..")
            .because("SQL is written with JdbcClient (ARCHITECTURE.md)");

    @ArchTest
    static final ArchRule controllersArePackagePrivate = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
            .that().areAnnotatedWith(Controller.class).or().areAnnotatedWith(RestController.class)
            .should().notBePublic()
            .because("a module's web layer is not part of its API");

    @ArchTest
    static final ArchRule noConsoleOutputOutsideItsPlaces = noClasses()
            .that().resideOutsideOfPackages("vn.tuquan", "vn.tuquan.demo", "vn.tuquan.access")
            .should().accessField(System.class, "out")
            .because("logs go through SLF4J; only the CLI, the demo and the one-time admin password print");
}
