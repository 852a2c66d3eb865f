// TOSCA properties of a GPU agent pool (custom_types.yaml @40fa4d6): the Compute's `host`
// capability (tosca.capabilities.indigo.Container num_gpus, gpu_vendor, gpu_model), its `os`
// capability (tosca.capabilities.indigo.OperatingSystem gpu_driver, cuda_support, cuda_min_version,
// cuDNN_version) and `enable_gpu_support` of LRMS.WorkerNode.Mesos / LRMS.FrontEnd.Mesos, which the
// INDIGO playbooks pass on as mesos_/marathon_/chronos_enable_gpu_support (set by the mesos entry,
// src/services/mesos.ts).
// The IM picks the flavor from host (IM/tosca/Tosca.py property_map: gpu.count, gpu.vendor,
// gpu.model; OpenStack connector guess_instance_type_gpu); the orchestrator picks the image from os
// (ToscaServiceImpl.extractImageRequirements / findImageByFallbackFields: gpu_driver and cuda_support
// must be true on the image, cuda_min_version and cuDNN_version equal, case-insensitive).
import type { DiagnosticCollector } from '../../diagnostics/collector.js';
import type { GpuSettings } from '../../model/model.js';
import type { YamlValue } from '../yaml.js';
import { checkJinja } from './values.js';

function text(g: GpuSettings, name: string, value: string | undefined, diag: DiagnosticCollector): string | undefined {
  if (value !== undefined) checkJinja(value, `\`${name}\``, g.spans[name], diag);
  return value;
}

/** `host` capability properties of a GPU pool's Compute (empty without GPUs). */
export function gpuHostProperties(g: GpuSettings | undefined, diag: DiagnosticCollector): Record<string, YamlValue> {
  if (!g) return {};
  return {
    num_gpus: g.count,
    gpu_vendor: text(g, 'gpu_vendor', g.vendor, diag),
    gpu_model: text(g, 'gpu_model', g.model, diag),
  };
}

/** `os` capability properties of a GPU pool's Compute: the image must have the NVIDIA driver (and CUDA, cuDNN). */
export function gpuOsProperties(g: GpuSettings | undefined, diag: DiagnosticCollector): Record<string, YamlValue> {
  if (!g) return {};
  return {
    gpu_driver: true,
    cuda_support: g.cuda !== undefined ? true : undefined,
    cuda_min_version: text(g, 'cuda', g.cuda, diag),
    cuDNN_version: text(g, 'cudnn', g.cudnn, diag),
  };
}
