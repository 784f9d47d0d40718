/** Where the PAR round pages live (staff workspace); registered in ../index.tsx. */
export const ROUNDS_PATH = '/can-bo/cchc';
export const boardPath = (roundId: number) => `${ROUNDS_PATH}/dot/${roundId}`;
export const sheetPath = (roundId: number, unitId: number) => `${boardPath(roundId)}/don-vi/${unitId}`;
export const resultsPath = (roundId: number) => `${boardPath(roundId)}/ket-qua`;
