"""The katas' benchmark workloads done with Python's multiprocessing, for `./kata bench` to set beside Java.

Usage: python3 multiprocessing_peer.py [workload ...]
Prints one line per workload, "<name> <figure>", in the units katas/katas.json gives, and nothing else. Children are
started with the spawn method: a fresh interpreter each, as a Java child is a fresh JVM.
"""
import multiprocessing as mp
import sys
import time

QUEUE_ITEMS = 200_000
PIPE_MESSAGES = 200_000
ROUND_TRIPS = 20_000
POOL_ITEMS = 100_000
APPLY_CALLS = 2_000
INCREMENTS_EACH = 100_000
APPENDS_EACH = 2_000
CHILDREN_STARTED = 20


def does_nothing():
    pass


def square(x):
    return x * x


def put_numbers(queue, count):
    for number in range(count):
        queue.put(number)
    queue.put(None)


def count_until_none(queue, counted):
    count = 0
    while queue.get() is not None:
        count += 1
    counted.value = count


def send_numbers(end, count):
    for number in range(count):
        end.send(number)
    end.close()


def ping(end, count):
    for number in range(count):
        end.send(number)
        end.recv()


def increment_under_lock(shared, count):
    for _ in range(count):
        with shared.get_lock():
            shared.value += 1


def append_numbers(shared_list, first, count):
    for number in range(first, first + count):
        shared_list.append(number)


def per_second(count, started):
    return count / (time.perf_counter() - started)


def start_join_ms():
    started = time.perf_counter()
    for _ in range(CHILDREN_STARTED):
        child = mp.Process(target=does_nothing)
        child.start()
        child.join()
    return (time.perf_counter() - started) / CHILDREN_STARTED * 1000


def pool_map_tasks_per_s():
    with mp.Pool(2) as pool:
        started = time.perf_counter()
        results = pool.map(square, range(POOL_ITEMS))
        figure = per_second(POOL_ITEMS, started)
    assert results[-1] == (POOL_ITEMS - 1) ** 2
    return figure


def apply_async_roundtrip_us():
    with mp.Pool(2) as pool:
        started = time.perf_counter()
        for number in range(APPLY_CALLS):
            assert pool.apply_async(square, (number,)).get() == number * number
        return (time.perf_counter() - started) / APPLY_CALLS * 1e6


def queue_msgs_per_s():
    queue = mp.Queue()
    counted = mp.Value("i", 0)
    consumer = mp.Process(target=count_until_none, args=(queue, counted))
    producer = mp.Process(target=put_numbers, args=(queue, QUEUE_ITEMS))
    consumer.start()
    started = time.perf_counter()
    producer.start()
    producer.join()
    consumer.join()
    figure = per_second(QUEUE_ITEMS, started)
    assert counted.value == QUEUE_ITEMS
    return figure


def pipe_msgs_per_s():
    ours, theirs = mp.Pipe()
    sender = mp.Process(target=send_numbers, args=(theirs, PIPE_MESSAGES))
    started = time.perf_counter()
    sender.start()
    theirs.close()  # else our own copy of the sending end keeps the pipe open and recv never sees its end
    received = 0
    try:
        while True:
            ours.recv()
            received += 1
    except EOFError:
        pass
    sender.join()
    figure = per_second(received, started)
    assert received == PIPE_MESSAGES
    return figure


def pipe_roundtrip_us():
    ours, theirs = mp.Pipe()
    pinger = mp.Process(target=ping, args=(theirs, ROUND_TRIPS))
    pinger.start()
    ours.send(ours.recv())  # the first round trip waits for the child to start: not timed
    started = time.perf_counter()
    for _ in range(ROUND_TRIPS - 1):
        ours.send(ours.recv())
    pinger.join()
    return (time.perf_counter() - started) / (ROUND_TRIPS - 1) * 1e6


def locked_increments_per_s():
    shared = mp.Value("i", 0)
    children = [mp.Process(target=increment_under_lock, args=(shared, INCREMENTS_EACH)) for _ in range(4)]
    started = time.perf_counter()
    for child in children:
        child.start()
    for child in children:
        child.join()
    figure = per_second(4 * INCREMENTS_EACH, started)
    assert shared.value == 4 * INCREMENTS_EACH
    return figure


def manager_list_appends_per_s():
    with mp.Manager() as manager:
        shared_list = manager.list()
        children = [mp.Process(target=append_numbers, args=(shared_list, i * APPENDS_EACH, APPENDS_EACH))
                    for i in range(4)]
        started = time.perf_counter()
        for child in children:
            child.start()
        for child in children:
            child.join()
        figure = per_second(4 * APPENDS_EACH, started)
        assert len(shared_list) == 4 * APPENDS_EACH
        return figure


WORKLOADS = {f.__name__: f for f in (start_join_ms, pool_map_tasks_per_s, apply_async_roundtrip_us,
                                      queue_msgs_per_s, pipe_msgs_per_s, pipe_roundtrip_us,
                                      locked_increments_per_s, manager_list_appends_per_s)}


def main(names):
    unknown = [name for name in names if name not in WORKLOADS]
    if unknown:
        sys.exit("no such workload: " + ", ".join(unknown) + "; there are " + ", ".join(WORKLOADS))
    mp.set_start_method("spawn")
    for name in names or WORKLOADS:
        print(f"{name} {WORKLOADS[name]():.2f}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
