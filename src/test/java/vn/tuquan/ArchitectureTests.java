package vn.tuquan;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import vn.tuquan.shared.Dates;

@AnalyzeClasses(packages = "vn.tuquan", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule javaTimeOnly = noClasses()
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("java.util.Date")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("java.util.Calendar")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("java.text.SimpleDateFormat")
            .orShould()
            .dependOnClassesThat()
            .haveFullyQualifiedName("java.sql.Timestamp")
            .because("dates are java.time (ARCHITECTURE.md, rule 3)");

    @ArchTest
    static final ArchRule oneClock = noClasses()
            .that()
            .doNotHaveFullyQualifiedName(Dates.class.getName())
            .should()
            .callMethodWhere(readsTheMachinesClock())
            .because("the product reads the time from Dates (its clock can be moved for the date-sensitive tests)");

    /** {@code X.now()} or {@code X.now(zone)} of java.time, {@code Clock.system…()}, {@code System.currentTimeMillis()}. */
    private static DescribedPredicate<JavaMethodCall> readsTheMachinesClock() {
        return DescribedPredicate.describe("read the machine's clock", call -> {
            String owner = call.getTarget().getOwner().getName();
            String name = call.getTarget().getName();
            List<String> parameters = call.getTarget().getRawParameterTypes().stream()
                    .map(JavaClass::getName)
                    .toList();
            return owner.startsWith("java.time.")
                            && name.equals("now")
                            && !parameters.equals(List.of("java.time.Clock"))
                    || owner.equals("java.time.Clock") && name.startsWith("system")
                    || owner.equals("java.lang.System") && name.equals("currentTimeMillis");
        });
    }

    @ArchTest
    static final ArchRule constructorInjectionOnly =
            fields().should().notBeAnnotatedWith(Autowired.class).because("dependencies come in through constructors");

    @ArchTest
    static final ArchRule rulesArePureJava = noClasses()
            .that()
            .resideInAPackage("vn.tuquan.evaluation.rules..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..", "java.sql..", "javax.sql..", "com.fasterxml.jackson..", "tools.jackson..")
            .because("the criteria are pure Java, tested alone (ARCHITECTURE.md: evaluation/rules, no Spring)");

    @ArchTest
    static final ArchRule verdictComputerIsPureJava = noClasses()
            .that()
            .haveNameMatching("vn\\.tuquan\\.evaluation\\.internal\\.VerdictComputer(\\$.*)?")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..", "java.sql..", "javax.sql..", "com.fasterxml.jackson..", "tools.jackson..")
            .because("the verdicts are computed from gathered facts alone, tested without a database");

    @ArchTest
    static final ArchRule noJpa = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("jakarta.persistence..", "org.hibernate..")
            .because("SQL is written with JdbcClient (ARCHITECTURE.md)");

    @ArchTest
    static final ArchRule controllersArePackagePrivate = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
            .that()
            .areAnnotatedWith(Controller.class)
            .or()
            .areAnnotatedWith(RestController.class)
            .should()
            .notBePublic()
            .because("a module's web layer is not part of its API");

    @ArchTest
    static final ArchRule apiRefusalsAreDescribed = methods()
            .that()
            .areAnnotatedWith(ExceptionHandler.class)
            .and()
            .areDeclaredInClassesThat()
            .areAnnotatedWith(RestController.class)
            .or()
            .areAnnotatedWith(ExceptionHandler.class)
            .and()
            .areDeclaredInClassesThat()
            .areAnnotatedWith(RestControllerAdvice.class)
            .should()
            .beAnnotatedWith(ApiResponse.class)
            .because(
                    "the API's description lists what each exception handler of the API answers "
                            + "(@ApiResponse(responseCode, description); shared.web.ApiDescription gives it the problem schema)");

    @ArchTest
    static final ArchRule noConsoleOutputOutsideItsPlaces = noClasses()
            .that()
            .resideOutsideOfPackages("vn.tuquan", "vn.tuquan.demo", "vn.tuquan.access.internal")
            .should()
            .accessField(System.class, "out")
            .because("logs go through SLF4J; only the CLI, the demo and the one-time admin password print");
}
