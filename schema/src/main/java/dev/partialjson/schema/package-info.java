/**
 * The JSON Schema of the type a {@link dev.partialjson.binding.StreamingBinder} binds: {@link
 * dev.partialjson.schema.ModelSchema}, in the flavour {@link dev.partialjson.schema.SchemaMode}
 * names, its properties in the binder's {@link dev.partialjson.binding.PropertyOrder}.
 *
 * <p>Needs victools jsonschema-generator 4 and jackson-databind 2, which this artifact brings; the
 * binding itself never does, so an application that does not send schemas binds without them.
 */
@NullMarked
package dev.partialjson.schema;

import org.jspecify.annotations.NullMarked;
