package dev.kippu.support;

import java.util.HashMap;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.core.env.MapPropertySource;

import dev.kippu.contract.KippuStandIns;

/** Points the application under test at the shared stand-ins. */
public class StandInProperties implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (Boolean.getBoolean(AbstractAotProcessor.AOT_PROCESSING)) {
            // process-test-aot only analyses the context (no bean reads these settings, no condition
            // depends on them) and this runs again when the tests do: no stand-ins there, whose
            // threads would keep its JVM from exiting
            return;
        }
        Map<String, Object> properties = new HashMap<>(KippuStandIns.shared().properties());
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("kippu-stand-ins", properties));
    }
}
