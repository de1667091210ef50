package sms.certificates.recall.serde;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.util.ClassSecurityValidator;

/**
 * The generated Avro classes a specific reader instantiates.
 *
 * <p>Avro 1.12 loads every class it instantiates while reading through {@code ClassUtils}, which asks the global
 * {@link ClassSecurityValidator}; by default that trusts only a few {@code java.lang} types plus what the system
 * properties {@code org.apache.avro.SERIALIZABLE_PACKAGES} / {@code SERIALIZABLE_CLASSES} name, so reading into
 * {@code sms.certificates.RecallRequested} fails with "Forbidden ... not trusted" unless trusted. Rather than ask
 * users for a system property, {@link #trustTypesOf} adds, once, a predicate to the global validator (keeping
 * whatever it trusted before) that trusts Avro-generated types ({@link GenericContainer}s) in the namespaces of a
 * reader schema that a deserializer took from a generated class on its own classpath.
 */
final class GeneratedTypes {

    private static final Set<String> TRUSTED_PACKAGES = ConcurrentHashMap.newKeySet();
    private static final ClassSecurityValidator.ClassSecurityPredicate GENERATED_TYPES_IN_TRUSTED_PACKAGES =
            type -> GenericContainer.class.isAssignableFrom(type) && TRUSTED_PACKAGES.contains(type.getPackageName());
    private static boolean predicateInstalled;

    private GeneratedTypes() {
    }

    /** The generated class named like {@code writer}; loaded without being initialized until known to be one. */
    static Optional<Class<?>> forSchema(Schema writer) {
        String className = SpecificData.getClassName(writer);
        return Stream.of(Thread.currentThread().getContextClassLoader(), GeneratedTypes.class.getClassLoader())
                .distinct()
                .flatMap(loader -> load(className, loader).stream())
                .filter(GenericContainer.class::isAssignableFrom)
                .findFirst();
    }

    static synchronized void trustTypesOf(Schema readerSchema) {
        addNamespaces(readerSchema, Collections.newSetFromMap(new IdentityHashMap<>()));
        if (!predicateInstalled) {
            ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(
                    ClassSecurityValidator.getGlobal(), GENERATED_TYPES_IN_TRUSTED_PACKAGES));
            predicateInstalled = true;
        }
    }

    private static Optional<Class<?>> load(String className, ClassLoader loader) {
        if (loader == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Class.forName(className, false, loader));
        } catch (ClassNotFoundException | LinkageError notThere) {
            return Optional.empty();
        }
    }

    private static void addNamespaces(Schema schema, Set<Schema> visited) {
        if (!visited.add(schema)) {
            return;
        }
        switch (schema.getType()) {
            case RECORD -> {
                TRUSTED_PACKAGES.add(packageOf(schema));
                schema.getFields().forEach(field -> addNamespaces(field.schema(), visited));
            }
            case ENUM, FIXED -> TRUSTED_PACKAGES.add(packageOf(schema));
            case UNION -> schema.getTypes().forEach(branch -> addNamespaces(branch, visited));
            case ARRAY -> addNamespaces(schema.getElementType(), visited);
            case MAP -> addNamespaces(schema.getValueType(), visited);
            default -> {
            }
        }
    }

    private static String packageOf(Schema named) {
        String className = SpecificData.getClassName(named);
        int lastDot = className.lastIndexOf('.');
        return lastDot < 0 ? "" : className.substring(0, lastDot);
    }
}
