import type { AuditVocabulary } from '../../platform/audit/vocabulary.js';

/** The audit log's words for the registry's files part (issue 19 scope 4: file lists, filing, handover, disposal). */
export const registryFilesAuditVocabulary: AuditVocabulary = {
  actions: {
    'registry.file_created': { vi: 'Thêm hồ sơ vào danh mục hồ sơ', en: 'File added to the file list' },
    'registry.file_edit': { vi: 'Sửa thông tin hồ sơ', en: 'File details changed' },
    'registry.file_remove': { vi: 'Bỏ hồ sơ khỏi dự thảo danh mục hồ sơ', en: 'File removed from a draft list' },
    'registry.file_close': { vi: 'Kết thúc hồ sơ', en: 'File closed' },
    'registry.file_hand_over': { vi: 'Nộp lưu hồ sơ vào Lưu trữ cơ quan', en: 'File handed over to the agency archive' },
    'registry.file_keep': { vi: 'Đồng ý cho đơn vị giữ lại hồ sơ đến hạn nộp lưu', en: 'Unit allowed to keep a file due for handover' },
    'registry.file_document_filed': { vi: 'Lập văn bản vào hồ sơ', en: 'Document filed' },
    'registry.file_document_unfiled': { vi: 'Rút văn bản khỏi hồ sơ', en: 'Document taken out of a file' },
    'registry.file_list_approved': { vi: 'Phê duyệt danh mục hồ sơ của năm', en: 'Yearly file list approved' },
    'registry.disposal_created': { vi: 'Lập danh mục hồ sơ, tài liệu hết giá trị đề nghị hủy', en: 'Disposal list drafted' },
    'registry.disposal_add_files': { vi: 'Thêm hồ sơ vào danh mục hủy', en: 'Files added to a disposal list' },
    'registry.disposal_remove_files': { vi: 'Bớt hồ sơ khỏi danh mục hủy', en: 'Files taken off a disposal list' },
    'registry.disposal_approve': { vi: 'Phê duyệt hủy hồ sơ, tài liệu hết giá trị', en: 'Disposal approved, files destroyed' },
    'registry.disposal_cancel': { vi: 'Hủy bỏ danh mục hủy', en: 'Disposal list cancelled' },
  },
  entities: {
    registry_file: { label: { vi: 'Hồ sơ (lưu trữ)', en: 'File (records)' } },
    registry_file_list: { label: { vi: 'Danh mục hồ sơ', en: 'File list' } },
    registry_disposal: { label: { vi: 'Danh mục hồ sơ, tài liệu hết giá trị', en: 'Disposal list' } },
  },
};
