// Stand-ins for tensors of two kinds of device, built only from the structural interface the
// package accepts: one that reads synchronously (like the CPU) and one that does not (like WebGPU).
export function cpuTensor(values: number[], shape: number[] = [values.length]) {
  const data = Float32Array.from(values);
  return { shape, data: async () => data.slice(), dataSync: () => data.slice() };
}

export function gpuTensor(values: number[], shape: number[] = [values.length]) {
  const data = Float32Array.from(values);
  return {
    shape,
    data: () => new Promise<Float32Array>((resolve) => setTimeout(() => resolve(data.slice()), 5)),
    dataSync: (): Float32Array => {
      throw new Error("dataSync() is not available on device 'webgpu': use 'await tensor.data()'");
    },
  };
}
