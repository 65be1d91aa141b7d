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

    /** The kit's launcher and what comes with it; kata 01 teaches writing them. */
    static final ArchRule KATA_01_WRITES_ITS_OWN_LAUNCHER = noClasses()
            .should().dependOnClassesThat().resideInAPackage("katas.kit..")
            .because("kata 01 teaches writing a launcher, so neither its stub nor its solution may use the kit's");

    static final ArchRule ONLY_THE_KITS_PUBLIC_API = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("katas.kit.build..", "katas.checker..")
            .because("katas and solutions use the kit's test API only, never the build's or the checker's code");

    static final ArchRule THE_HARNESS_DOES_NOT_DEPEND_ON_KATAS = noClasses()
            .should().dependOnClassesThat(DescribedPredicate.describe("a kata's or solution's class",
                    (JavaClass c) -> c.getPackageName().startsWith("katas.")
                            && !c.getPackageName().startsWith("katas.kit")
                            && !c.getPackageName().startsWith("katas.checker")))
            .because("the kit and the checker serve every kata, so they must not know any one of them");

    static final ArchRule CHECKER_LAYERS = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Command line").definedBy("katas.checker.cli..")
            .layer("Engine").definedBy("katas.checker.engine..")
            .layer("Test runner").definedBy("katas.checker.runner..")
            .layer("Reports").definedBy("katas.checker.report..")
            .layer("Model").definedBy("katas.checker.model..")
            .whereLayer("Command line").mayNotBeAccessedByAnyLayer()
            .whereLayer("Engine").mayOnlyBeAccessedByLayers("Command line")
            .whereLayer("Reports").mayOnlyBeAccessedByLayers("Command line")
            .whereLayer("Test runner").mayOnlyBeAccessedByLayers("Engine")
            .because("the checker's layers depend one way: command line, then engine and reports, then the model");

    /** A solution must start at least one process; a rule that a class calling nothing passes would be empty. */
    static final ArchRule STARTS_A_PROCESS = ArchRuleDefinition.classes().should(startAtLeastOneProcess())
            .allowEmptyShould(false);

    private static final Set<String> PROCESS_STARTERS = Set.of(
            "java.lang.ProcessBuilder.start", "java.lang.ProcessBuilder.startPipeline",
            "katas.kit.JavaProcess.start", "katas.kit.JavaProcess.startCapturingOutput");

    private Rules() {
    }

    static ArchCondition<JavaClass> startAtLeastOneProcess() {
        return new ArchCondition<>("together start at least one child process (ProcessBuilder or the kit's "
                + "JavaProcess)") {
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
