package dev.serverlesspatterns.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The intrinsics a template computes names with: {@code Fn::Select} over {@code Fn::Split}, inside {@code Fn::Sub}. */
class IntrinsicsTest {

    private static final String STACK_ID =
            "arn:aws:cloudformation:eu-west-1:000000000000:stack/shop/6f1c2a34-0b9e-4d7e-9f43-2a1b3c4d5e6f";

    private final Intrinsics intrinsics = new Intrinsics(
            Map.of("Zones", "eu-west-1a,eu-west-1b"),
            Map.of("AWS::StackId", STACK_ID, "AWS::AccountId", "000000000000"),
            new EchoResources());

    @Test
    void selectsAPartOfASplitPseudoParameterInsideASub() {
        // given the bucket name a stack computes from the unique part of its id
        Map<String, Object> bucketName = Map.of(
                "Fn::Sub",
                List.of(
                        "invoice-runs-${Id}",
                        Map.of(
                                "Id",
                                Map.of(
                                        "Fn::Select",
                                        List.of(
                                                2,
                                                Map.of("Fn::Split", List.of("/", Map.of("Ref", "AWS::StackId"))))))));

        // when it is resolved
        String resolved = intrinsics.resolveString(bucketName);

        // then
        assertThat(resolved).isEqualTo("invoice-runs-6f1c2a34-0b9e-4d7e-9f43-2a1b3c4d5e6f");
    }

    @Test
    void selectsFromAListParameterAndAnInlineList() {
        // when
        String zone = intrinsics.resolveString(Map.of("Fn::Select", List.of("1", Map.of("Ref", "Zones"))));
        String inline =
                intrinsics.resolveString(Map.of("Fn::Select", List.of(0, List.of("a", Map.of("Ref", "Zones")))));

        // then
        assertThat(zone).isEqualTo("eu-west-1b");
        assertThat(inline).isEqualTo("a");
    }

    @Test
    void refusesAnIndexOutsideTheList() {
        // given
        Map<String, Object> select = Map.of("Fn::Select", List.of(3, Map.of("Fn::Split", List.of(",", "a,b"))));

        // when / then
        assertThatThrownBy(() -> intrinsics.resolve(select))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("index 3");
    }
}
