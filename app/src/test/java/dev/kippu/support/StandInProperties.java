package dev.kippu.support;

import java.util.HashMap;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import dev.kippu.contract.KippuStandIns;

/** Points the application under test at the shared stand-ins. */
public class StandInProperties implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> properties = new HashMap<>(KippuStandIns.shared().properties());
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("kippu-stand-ins", properties));
    }
}
