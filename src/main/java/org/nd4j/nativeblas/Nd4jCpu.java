package org.nd4j.nativeblas;

/**
 * Compatibility shim for DL4J 1.0.0-M2.1, see {@link umimegu.model.engine.OneDnn}.
 *
 * <p>DL4J's {@code BaseMKLDNNHelper.mklDnnEnabled()} looks up this class and its method
 * {@code isUseMKLDNN} by reflection, but ND4J M2.1 renamed them to
 * {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment#isUseONEDNN}. Without this
 * shim the check fails, and the convolution layers never use oneDNN. It only forwards to the real
 * binding; without the CPU backend it reports {@code false}.
 */
public final class Nd4jCpu {
    private Nd4jCpu() {}

    public static final class Environment {
        private static final String REAL_BINDING = "org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment";
        private static final Environment INSTANCE = new Environment();

        private Environment() {}

        public static Environment getInstance() {
            return INSTANCE;
        }

        public boolean isUseMKLDNN() {
            try {
                // by reflection so the project also compiles against the CUDA backend
                Class<?> real = Class.forName(REAL_BINDING);
                Object environment = real.getMethod("getInstance").invoke(null);
                return (Boolean) real.getMethod("isUseONEDNN").invoke(environment);
            } catch (ReflectiveOperationException | LinkageError e) {
                return false;
            }
        }
    }
}
