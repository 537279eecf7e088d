package umimegu.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CompilerThreadsCpuTest {

    @Test
    void countsUserAndSystemTicksOfACompilerThread() {
        String stat = "4242 (C2 CompilerThre) S 4200 4200 1 0 -1 1077936192 2351 0 0 0 137 12 0 0 20 0 1 0 991 0 0";
        assertEquals(149, CompilerThreadsCpu.compilerTicks(stat));
        assertEquals(
                7,
                CompilerThreadsCpu.compilerTicks(
                        stat.replace("(C2 CompilerThre)", "(C1 CompilerThre)").replace(" 137 12 ", " 5 2 ")));
    }

    @Test
    void leavesOtherThreadsOutEvenWithParenthesesInTheirNames() {
        assertEquals(
                0,
                CompilerThreadsCpu.compilerTicks(
                        "4300 (chat-worker (1) ) R 4200 4200 1 0 -1 1077936192 2351 0 0 0 900 40 0 0 20 0 1 0 991 0 0"));
        assertEquals(
                0,
                CompilerThreadsCpu.compilerTicks(
                        "4301 (x) C2 CompilerThre) R 4200 4200 1 0 -1 1077936192 2351 0 0 0 900 40 0 0 20 0 1 0 991 0 0"));
    }
}
