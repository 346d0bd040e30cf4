package dev.camelveeam.veeamem.springboot;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches unless {@code camel.component.veeam-em.enabled} is false, or it is unset and {@code camel.component.enabled}
 * is false: the rule of Camel's starters.
 */
final class OnVeeamEmEnabledCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return EnabledFlags.evaluate(context.getEnvironment(), "camel.component", VeeamEmComponentAutoConfiguration.PREFIX)
                ? ConditionOutcome.match(VeeamEmComponentAutoConfiguration.PREFIX + ".enabled is not false")
                : ConditionOutcome.noMatch(VeeamEmComponentAutoConfiguration.PREFIX + ".enabled is false");
    }
}
