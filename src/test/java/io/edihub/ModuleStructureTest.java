package io.edihub;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The hub's structure, verified on every build: each direct sub-package of {@code io.edihub} is a module
 * that names, in its {@code package-info.java}, the modules it may use. Spring Modulith fails this test
 * when a module reaches one it did not declare, reaches into another's internals, or when two modules
 * depend on each other, directly or around a cycle.
 */
class ModuleStructureTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(EdiHubApplication.class);

    @Test
    void modulesKeepTheirDeclaredDependenciesAndFormNoCycle() {
        MODULES.verify();
    }

    /** A module without a declaration could reach any other: each one must say what it may use. */
    @Test
    void everyModuleDeclaresWhatItMayUse() {
        assertThat(MODULES.stream()).allSatisfy(module -> {
            org.springframework.modulith.ApplicationModule declaration = Class
                    .forName(module.getBasePackage().getName() + ".package-info")
                    .getAnnotation(org.springframework.modulith.ApplicationModule.class);
            assertThat(declaration).as("@ApplicationModule on %s's package-info.java", module.getName()).isNotNull();
            assertThat(declaration.allowedDependencies()).as("%s's allowed dependencies", module.getName())
                    .doesNotContain(org.springframework.modulith.ApplicationModule.OPEN_TOKEN);
        });
    }
}
