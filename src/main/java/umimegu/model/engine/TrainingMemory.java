package umimegu.model.engine;

import java.util.List;
import org.nd4j.linalg.api.memory.MemoryWorkspaceManager;
import org.nd4j.linalg.factory.Nd4j;
import umimegu.common.NativeHeap;

/**
 * Gives back the memory a training held once it ends.
 *
 * <p>DL4J keeps a training's workspaces (every layer's activations for backprop, the gradients
 * passed between layers, working memory: about 1 GB for the compact network at batch 128) attached
 * to the thread that trained, for the next training step; on a thread that goes on living (the
 * bot's training thread, the CLI's main thread answering afterwards) they stayed allocated for good.
 * Destroying them is safe once {@code fit} has returned: the network's parameters, updater state and
 * outputs live outside them.
 */
public final class TrainingMemory {
    /** The workspaces MultiLayerNetwork opens while fitting (its names; M2.1 keeps them protected). */
    private static final List<String> TRAINING_WORKSPACES = List.of(
            "WS_ALL_LAYERS_ACT", "WS_LAYER_WORKING_MEM", "WS_LAYER_ACT_1", "WS_LAYER_ACT_2", "WS_RNN_LOOP_WORKING_MEM");

    private TrainingMemory() {}

    /** Destroys this thread's training workspaces and returns the freed memory to the system. */
    public static void release() {
        MemoryWorkspaceManager workspaces = Nd4j.getWorkspaceManager();
        for (String name : TRAINING_WORKSPACES) {
            if (workspaces.checkIfWorkspaceExists(name)) {
                workspaces.destroyWorkspace(workspaces.getWorkspaceForCurrentThread(name));
            }
        }
        NativeHeap.releaseFreeMemory();
    }
}
