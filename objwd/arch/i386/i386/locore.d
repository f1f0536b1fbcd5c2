objwd/arch/i386/i386/locore.o : arch/i386/i386/locore.asm

arch/i386/i386/locore.asm :

