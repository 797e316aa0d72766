package io.edihub.intake;

import java.io.InputStream;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.TypeConversionException;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.camel.support.TypeConverterSupport;
import org.springframework.stereotype.Component;

/**
 * Lets Camel turn a {@link SpooledInput} into bytes or a stream, wherever a route or a bean asks for one: a dead
 * letter keeps the bytes of the file that failed ({@code EdiHubOriginalBody}), whatever reads an upload as bytes gets
 * them.
 */
@Component
class SpooledInputConversions implements CamelContextConfiguration {

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        camelContext.getTypeConverterRegistry().addTypeConverter(byte[].class, SpooledInput.class, new TypeConverterSupport() {
            @Override
            public <T> T convertTo(Class<T> type, Exchange exchange, Object value) throws TypeConversionException {
                return type.cast(((SpooledInput) value).bytes());
            }
        });
        camelContext.getTypeConverterRegistry().addTypeConverter(InputStream.class, SpooledInput.class,
                new TypeConverterSupport() {
                    @Override
                    public <T> T convertTo(Class<T> type, Exchange exchange, Object value) throws TypeConversionException {
                        return type.cast(((SpooledInput) value).open());
                    }
                });
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        // nothing to do once started
    }
}
