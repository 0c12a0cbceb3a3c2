package dev.kippu.lambda;

import org.springframework.aot.AotDetector;
import org.springframework.boot.ApplicationContextFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.server.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The application context on Spring AOT's generated code (the native function), of the class the
 * serverless adapter casts it to. On generated code Spring Boot makes a plain
 * {@code ServletWebServerApplicationContext}, and {@code SpringBootLambdaContainerHandler} (3.0.2)
 * casts its context to {@code AnnotationConfigServletWebServerApplicationContext}; this is one,
 * without the annotation processors its constructor registers, which the generated code replaces
 * (registered twice, they would clash). Elsewhere it leaves the choice to Spring Boot.
 * Listed in {@code META-INF/spring.factories}.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AdapterContextFactory implements ApplicationContextFactory {

    private static final String[] ANNOTATION_PROCESSORS = {
            AnnotationConfigUtils.CONFIGURATION_ANNOTATION_PROCESSOR_BEAN_NAME,
            AnnotationConfigUtils.AUTOWIRED_ANNOTATION_PROCESSOR_BEAN_NAME,
            AnnotationConfigUtils.COMMON_ANNOTATION_PROCESSOR_BEAN_NAME,
            AnnotationConfigUtils.PERSISTENCE_ANNOTATION_PROCESSOR_BEAN_NAME,
            AnnotationConfigUtils.EVENT_LISTENER_PROCESSOR_BEAN_NAME,
            AnnotationConfigUtils.EVENT_LISTENER_FACTORY_BEAN_NAME};

    @Override
    public ConfigurableApplicationContext create(WebApplicationType type) {
        if (type != WebApplicationType.SERVLET || !AotDetector.useGeneratedArtifacts()) {
            return null;
        }
        AnnotationConfigServletWebServerApplicationContext context = new AnnotationConfigServletWebServerApplicationContext();
        for (String processor : ANNOTATION_PROCESSORS) {
            if (context.containsBeanDefinition(processor)) {
                context.removeBeanDefinition(processor);
            }
        }
        return context;
    }

    @Override
    public Class<? extends ConfigurableEnvironment> getEnvironmentType(WebApplicationType type) {
        return null;
    }

    @Override
    public ConfigurableEnvironment createEnvironment(WebApplicationType type) {
        return null;
    }
}
