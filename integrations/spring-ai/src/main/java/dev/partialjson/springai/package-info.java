/**
 * Spring AI's streamed chat answers bound while they stream: {@link
 * dev.partialjson.springai.ChatClientBinding} turns the {@code Flux<ChatResponse>} of {@code
 * ChatClient.prompt()...stream().chatResponse()} (or the {@code Flux<String>} of {@code
 * .stream().content()}) into a typed {@code Flux} of list items, each emitted as it closes, and a
 * {@code Mono} of the validated value, and sets the model's JSON schema from the bound type.
 *
 * <p>No {@code module-info}: Spring AI's jars name no module (no {@code Automatic-Module-Name}), so
 * a descriptor here would have to require names derived from their file names, which change with
 * them.
 */
@NullMarked
package dev.partialjson.springai;

import org.jspecify.annotations.NullMarked;
