// Public surface of the template family.
export * from './templateSlots';
export * from './expandGroupTemplates';
export * from './compareGroupVariants';
