package io.flowgate.contracts;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What the gateway gets: a {@link ContractRegistry} bean that only needs a {@link DataSource}. */
class BeanWiringTest {

    @Test
    void theRegistryIsABeanNeedingOnlyADataSource() {
        try (ApplicationContext context = ApplicationContext.builder().start()) {
            context.registerSingleton(DataSource.class, Fixtures.memoryDatabase());

            ContractRegistry registry = context.getBean(ContractRegistry.class);

            assertThat(registry.publish(Fixtures.read("orders.yaml"), null).created()).isTrue();
            assertThat(context.getBean(ContractRegistry.class)).isSameAs(registry);
        }
    }

    @Test
    void everyBindingCheckBeanRunsAtPublish() {
        try (ApplicationContext context = ApplicationContext.builder().start()) {
            context.registerSingleton(DataSource.class, Fixtures.memoryDatabase());
            context.registerSingleton(BindingCheck.class,
                    contract -> java.util.List.of(ContractFinding.ofDocument(contract.name(), "engine says no")));

            ContractRegistry registry = context.getBean(ContractRegistry.class);

            assertThat(registry.check(Fixtures.read("orders.yaml"), null).findings())
                    .extracting(ContractFinding::reason).containsExactly("engine says no");
        }
    }
}
