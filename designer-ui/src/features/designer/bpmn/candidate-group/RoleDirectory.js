/**
 * The roles the "Candidate group (role)" field offers: `config.flowgateRoles` at start, `set()` later (the panel
 * re-renders with the new list).
 */
export default function RoleDirectory(roles, eventBus) {
  let current = Array.isArray(roles) ? [...roles] : [];

  this.get = () => current;

  this.set = (next) => {
    current = Array.isArray(next) ? [...next] : [];
    eventBus.fire('propertiesPanel.providersChanged');
  };
}

RoleDirectory.$inject = ['config.flowgateRoles', 'eventBus'];
