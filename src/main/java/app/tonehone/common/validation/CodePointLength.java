package app.tonehone.common.validation;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Length of a text in Unicode code points, as the API and the database's char_length count
 * it (Bean Validation's {@code @Size} counts UTF-16 units, so an emoji would count twice).
 * Null is valid; combine with {@code @NotNull} where required.
 */
@Documented
@Constraint(validatedBy = CodePointLength.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD,
        ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface CodePointLength {

    String message() default "must be {min} to {max} characters long";

    int min() default 0;

    int max() default Integer.MAX_VALUE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<CodePointLength, CharSequence> {

        private int min;
        private int max;

        @Override
        public void initialize(CodePointLength constraint) {
            min = constraint.min();
            max = constraint.max();
        }

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            int length = Character.codePointCount(value, 0, value.length());
            return length >= min && length <= max;
        }
    }
}
