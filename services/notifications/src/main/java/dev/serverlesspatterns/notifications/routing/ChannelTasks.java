package dev.serverlesspatterns.notifications.routing;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The three channel tasks the router picks from, one function bean each, named as the callback routes to them. */
@Configuration(proxyBeanMethods = false)
class ChannelTasks {

    @Bean
    ChannelTask sendEmailNotification(NotificationRequestValidator validator, ChannelTables tables, Clock clock) {
        return new ChannelTask(Channel.EMAIL, validator, tables, clock);
    }

    @Bean
    ChannelTask sendSmsNotification(NotificationRequestValidator validator, ChannelTables tables, Clock clock) {
        return new ChannelTask(Channel.SMS, validator, tables, clock);
    }

    @Bean
    ChannelTask sendPushNotification(NotificationRequestValidator validator, ChannelTables tables, Clock clock) {
        return new ChannelTask(Channel.PUSH, validator, tables, clock);
    }
}
