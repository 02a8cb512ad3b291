// Property tests record how many inputs they tried (ctx.task.meta.runs); summary-reporter.ts prints it.
declare module 'vitest' {
  interface TaskMeta {
    runs?: number;
  }
}
export {};
