package katas.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.stream.BaseStream;
import katas.checker.model.MainCodeAccess;

/** The rules, one constant each, so that tests can run every rule against classes that break it. */
final class Rules {

    /** Types whose use means work runs on threads of this JVM, not in other processes. */
    static final List<Class<?>> THREAD_POOLS = List.of(Executor.class, ExecutorService.class, Executors.class,
            ScheduledExecutorService.class, ThreadPoolExecutor.class, ForkJoinPool.class, ForkJoinTask.class);

    /** Methods that run work on a thread pool: {@code parallelStream()}, {@code parallel()}, {@code *Async}. */
    static final DescribedPredicate<JavaMethodCall> PARALLEL_CALLS = new DescribedPredicate<>(
            "Collection.parallelStream(), BaseStream.parallel() or CompletableFuture.*Async(..)") {
        @Override
        public boolean test(JavaMethodCall call) {
            String name = call.getTarget().getName();
            JavaClass owner = call.getTargetOwner();
            return name.equals("parallelStream") && owner.isAssignableTo(java.util.Collection.class)
                    || name.equals("parallel") && owner.isAssignableTo(BaseStream.class)
                    || name.endsWith("Async") && owner.isAssignableTo(CompletableFuture.class);
        }
    };

    static final ArchRule NO_THREADS_AS_A_STAND_IN_FOR_PROCESSES = noClasses()
            .should().dependOnClassesThat().belongToAnyOf(THREAD_POOLS.toArray(Class<?>[]::new))
            .orShould().callMethodWhere(PARALLEL_CALLS)
            .because("the katas teach processes: work must run in child JVMs, not on a thread pool of this one");

    /** What only tests may use: the test frameworks, the test kit, and the checker's own code. */
    static final String[] TEST_ONLY = {"katas.testkit..", "katas.testjvm..", "katas.checker..", "org.junit..",
        "org.assertj..", "org.awaitility..", "org.opentest4j.."};

    /** A kata's main code, and its solution's, may use what the manifest says and nothing of the tests. */
    static ArchRule mainCodeMayUse(MainCodeAccess access) {
        List<String> forbidden = new ArrayList<>(List.of(TEST_ONLY));
        if (access == MainCodeAccess.JDK) {
            forbidden.add("katas.process..");
        }
        return noClasses().should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                .because("katas/katas.json says this kata's main code may use " + access.description()
                        + ", and code under test never uses what only its tests have");
    }

    static final ArchRule KATA_TESTS_USE_THE_KITS_NOT_THE_CHECKER = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("katas.testjvm..", "katas.checker..")
            .because("a kata's tests use the process library and the test kit, never the checker's machinery");

    /** A bounded call is one mechanism, the test kit's: it names what the test waited for and the likely cause. */
    static final ArchRule KATA_TESTS_BOUND_THEIR_CALLS_WITH_THE_KIT = noClasses()
            .should().callMethodWhere(DescribedPredicate.describe("JUnit's assertTimeoutPreemptively",
                    (JavaMethodCall call) -> call.getTarget().getName().equals("assertTimeoutPreemptively")))
            .because("a kata's tests bound a call with katas.testkit.Bounded, whose failure names what the test "
                    + "waited for and the likely cause, never with assertTimeoutPreemptively directly");

    private static final List<String> HARNESS = List.of("katas.process", "katas.testkit", "katas.testjvm",
            "katas.checker");

    static final ArchRule THE_HARNESS_DOES_NOT_DEPEND_ON_KATAS = noClasses()
            .should().dependOnClassesThat(DescribedPredicate.describe("a kata's or solution's class",
                    (JavaClass c) -> c.getPackageName().startsWith("katas.")
                            && HARNESS.stream().noneMatch(h -> c.getPackageName().equals(h)
                            || c.getPackageName().startsWith(h + "."))))
            .because("the libraries and the checker serve every kata, so they must not know any one of them");

    static final ArchRule THE_PROCESS_LIBRARY_NEEDS_ONLY_THE_JDK = noClasses()
            .should().dependOnClassesThat().resideOutsideOfPackages("java..", "javax..", "katas.process..")
            .because("kata code uses the process library, and must not get a test framework with it");

    static final ArchRule THE_TEST_KIT_STANDS_ON_THE_PROCESS_LIBRARY = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("katas.testjvm..", "katas.checker..")
            .because("the test kit is for the katas' tests, wherever they run: under Maven, an IDE or the checker");

    static final ArchRule THE_TEST_JVM_KNOWS_NOTHING_OF_THE_CHECKER = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("katas.checker..", "katas.testkit..")
            .because("the test JVM's code runs next to the learner's: the checker reads what it reports, "
                    + "never the other way round");

    static final ArchRule CHECKER_LAYERS = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Command line").definedBy("katas.checker.cli..")
            .layer("Engine").definedBy("katas.checker.engine..")
            .layer("Reports").definedBy("katas.checker.report..")
            .layer("Model").definedBy("katas.checker.model..")
            .whereLayer("Command line").mayNotBeAccessedByAnyLayer()
            .whereLayer("Engine").mayOnlyBeAccessedByLayers("Command line")
            .whereLayer("Reports").mayOnlyBeAccessedByLayers("Command line")
            .because("the checker's layers depend one way: command line, then engine and reports, then the model");

    /** A solution must start at least one process; a rule that a class calling nothing passes would be empty. */
    static final ArchRule STARTS_A_PROCESS = ArchRuleDefinition.classes().should(startAtLeastOneProcess())
            .allowEmptyShould(false);

    private static final Set<String> PROCESS_STARTERS = Set.of(
            "java.lang.ProcessBuilder.start", "java.lang.ProcessBuilder.startPipeline",
            "katas.process.JavaProcess.start", "katas.process.JavaProcess.startCapturingOutput",
            "katas.testkit.ChildJvmFleet.start");

    private Rules() {
    }

    static ArchCondition<JavaClass> startAtLeastOneProcess() {
        return new ArchCondition<>("together start at least one child process (ProcessBuilder, the process "
                + "library's JavaProcess or the test kit's ChildJvmFleet)") {
            private boolean started;

            @Override
            public void init(java.util.Collection<JavaClass> all) {
                started = false;
            }

            @Override
            public void check(JavaClass item, ConditionEvents events) {
                started |= item.getMethodCallsFromSelf().stream().anyMatch(call -> PROCESS_STARTERS.contains(
                        call.getTargetOwner().getName() + "." + call.getTarget().getName()));
            }

            @Override
            public void finish(ConditionEvents events) {
                if (!started) {
                    events.add(SimpleConditionEvent.violated(this, "no class calls any of " + PROCESS_STARTERS
                            + ": the solution never starts a process"));
                }
            }
        };
    }
}
