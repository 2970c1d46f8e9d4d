package vn.tuquan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    final ApplicationModules modules = ApplicationModules.of(TuquanApplication.class);

    @Test
    void modulesKeepTheirBoundaries() {
        modules.verify();
    }

    @Test
    void theModulesOfArchitectureMdAreTheOnlyOnes() {
        assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
                .isSubsetOf("shared", "access", "audit", "units", "households", "movement", "order", "evaluation",
                        "reporting", "citizens", "demo");
    }

    @Test
    void writesTheModuleDiagramToDocs() throws Exception {
        Path output = Path.of("docs", "modules");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(output.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        assertThat(Files.readString(output.resolve("components.puml"))).contains("\"Access\"").contains("\"Demo\"");
    }
}
