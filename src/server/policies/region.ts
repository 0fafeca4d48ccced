/** Policy of a region: its dashboard (every agency side by side) and importing a whole region file. */
import type { User } from './types.js';

export type RegionAction = 'read' | 'import';

export function can(user: User, action: RegionAction, region: { region: string }): boolean {
  switch (action) {
    case 'read':
      return (user.role === 'admin' || user.role === 'evaluator') && user.region === region.region;
    case 'import':
      return user.role === 'admin' && user.region === region.region;
  }
}
