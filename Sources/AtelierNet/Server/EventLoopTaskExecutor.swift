import NIOCore

/// Runs a task's jobs on a NIO event loop, so that a connection's loop runs
/// on the thread that reads and writes its socket: no hop to the global
/// pool and back for each line. Default actors the task calls (the room)
/// run there too while they are free.
final class EventLoopTaskExecutor: TaskExecutor {
    let loop: any EventLoop

    init(loop: any EventLoop) { self.loop = loop }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        loop.execute { job.runSynchronously(on: executor) }
    }
}
