objwd/arch/i386/i386/vector.o : arch/i386/i386/vector.asm

arch/i386/i386/vector.asm :

